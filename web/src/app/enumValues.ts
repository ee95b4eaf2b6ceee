/**
 * The values of an API enum at run time, in the order the interface lists them. The types
 * come from the contract (`Schema<'ActionKind'>`); writing the list as a record keyed by
 * that type makes it exhaustive: a value added on the server fails to compile here until
 * the interface places it.
 */
export function enumValues<T extends string>(order: Record<T, true>): T[] {
  return Object.keys(order) as T[];
}
