import { OrgTimeline, type PersonFact } from './org-timeline';

// A small seeded generator (mulberry32): the same seed, the same histories, every run.
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEAMS = ['north', 'south', 'east'];
const DAY = 86_400_000;
const START = Date.parse('2026-01-01T00:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

/** A person's history: joined, then moves (some to the same team: refused and skipped), maybe a leave and a rejoin. */
function history(random: () => number, person: string): PersonFact[] {
  const pick = () => TEAMS[Math.floor(random() * TEAMS.length)]!;
  const facts: PersonFact[] = [];
  let at = START + Math.floor(random() * 60) * DAY;
  const add = (type: string, data: object) =>
    facts.push({ person, revision: facts.length, occurredAt: iso(at), event: { type, data } });
  add('PersonJoined', { name: person, orgRoles: ['rep'], team: pick(), manager: null });
  for (let i = Math.floor(random() * 6); i > 0; i--) {
    at += Math.floor(random() * 40 * DAY);
    const roll = random();
    if (roll < 0.1) {
      add('PersonLeft', { team: '', reason: null });
      at += DAY;
      add('PersonJoined', { name: person, orgRoles: ['rep'], team: pick(), manager: null });
    } else if (roll < 0.2)
      add('PersonManagerChanged', { manager: 'boss', previousManager: null, reason: null });
    else add('PersonMovedTeam', { team: pick(), previousTeam: '', reason: null });
  }
  return facts;
}

describe('OrgTimeline over generated histories', () => {
  it.each([1, 2, 3, 4, 5])(
    'seed %i: a fact is in exactly the spell of the team teamOf credits it to',
    (seed) => {
      const random = rng(seed);
      const people = Array.from({ length: 12 }, (_, i) => `p${i}`);
      const org = new OrgTimeline(people.flatMap((p) => history(random, p)));
      const spells = new Map(TEAMS.map((team) => [team, org.spellsIn(team)]));
      for (let i = 0; i < 400; i++) {
        const person = people[Math.floor(random() * people.length)]!;
        const at = iso(START - 30 * DAY + Math.floor(random() * 400 * DAY));
        const inSpell = TEAMS.filter((team) =>
          spells
            .get(team)!
            .some(
              (s) => s.person === person && (s.from === null || s.from <= at) && (s.to === null || at < s.to),
            ),
        );
        // Each fact counts for one team, the one teamOf names: a "by team" filter and grouping agree.
        expect(inSpell).toEqual([org.teamOf(person, at)]);
      }
    },
  );
});
