/** The authenticated user behind a command. */
export type Actor = Readonly<{
  id: string;
  /** Organisation roles: rep, manager, ops, admin. */
  roles: readonly string[];
  team?: string;
}>;
