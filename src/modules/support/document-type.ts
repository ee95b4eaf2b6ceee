// reports.routes.ts still imports from here; it moves to ../documents/ once the route-schema work on it has landed.
export { sendDocument } from '../documents/document-type.ts';
