// Compile-time checks that contract.ts resolves real types (a `never` would type-check
// everywhere and hide a wrong path): each line fails `tsc` if its type collapses to never.
import type { Answer, Body, Query, Schema } from './contract';

type NotNever<T> = [T] extends [never] ? false : true;
const checks: [
  NotNever<Schema<'DuesGrid'>>,
  NotNever<Answer<'/api/dues'>>,
  NotNever<Answer<'/api/dues/calls', 'post'>>,
  NotNever<Body<'/api/dues/calls', 'post'>>,
  NotNever<Query<'/api/dues'>>,
  NotNever<Answer<'/api/federation/delegations'>>,
] = [true, true, true, true, true, true];
export default checks;
