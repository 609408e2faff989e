/** One person of the organisation as the rules see them: roles, team, manager. */
export type Person = Readonly<{
  id: string;
  roles: readonly string[];
  team: string;
  /** Who manages this person (and so may also work their customers). */
  manager?: string;
}>;

/** The people directory: who exists, who is in which team, who manages whom. */
export class Org {
  private readonly byId = new Map<string, Person>();
  private readonly byTeam = new Map<string, string[]>();

  constructor(people: readonly Person[]) {
    for (const person of people) {
      this.byId.set(person.id, person);
      const team = this.byTeam.get(person.team);
      if (team === undefined) this.byTeam.set(person.team, [person.id]);
      else team.push(person.id);
    }
  }

  person(id: string): Person | undefined {
    return this.byId.get(id);
  }

  /** True when `managerId` manages `userId` directly. */
  manages(managerId: string, userId: string): boolean {
    return this.byId.get(userId)?.manager === managerId;
  }

  sameTeam(a: string, b: string): boolean {
    const first = this.byId.get(a);
    return first !== undefined && first.team === this.byId.get(b)?.team;
  }

  teamOf(id: string): string | undefined {
    return this.byId.get(id)?.team;
  }

  /** Everyone in `team`, in directory order. */
  teamMembers(team: string): string[] {
    return [...(this.byTeam.get(team) ?? [])];
  }
}
