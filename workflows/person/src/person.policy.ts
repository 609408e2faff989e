/** The person workflow has no configuration; the type keeps its place beside the other workflows'. */
export type PersonPolicy = Readonly<Record<string, never>>;

export const defaultPersonPolicy: PersonPolicy = {};
