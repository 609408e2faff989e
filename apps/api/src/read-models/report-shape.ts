/** A DTO's fields as a read model's report holds them (read-only, arrays read-only, all the way down). */
type Shape<T> = T extends readonly (infer U)[]
  ? readonly Shape<U>[]
  : T extends object
    ? { readonly [K in keyof T]: Shape<T[K]> }
    : T;

/**
 * True only when the library's `Report` fits the response DTO that documents it and neither has a field
 * the other lacks (`Extra`: fields the api adds, such as `asOf`). `const _x: Documents<A, B> = true`
 * fails `typecheck` once a report type drifts from its DTO.
 */
export type Documents<Dto, Report, Extra extends keyof Dto = never> = [Report] extends [
  Shape<Omit<Dto, Extra>>,
]
  ? [Exclude<keyof Report, keyof Dto>, Exclude<Exclude<keyof Dto, Extra>, keyof Report>] extends [
      never,
      never,
    ]
    ? true
    : false
  : false;
