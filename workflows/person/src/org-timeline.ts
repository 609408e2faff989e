import type { ReplayState, Replayer } from '@ltc/workflow-kit';
import type { PersonContext } from './person.context';
import type { OrgRole } from './person.values';
import { personWorkflow } from './person.workflow';

/** One stored event of a `person-<id>` stream, with its business time (`occurredAt`) and log time. */
export type PersonFact = Readonly<{
  person: string;
  /** The event's revision in its stream: facts are applied in this order, each once. */
  revision: number;
  occurredAt: string;
  /** Knowledge time (`recordedAtOf(metadata)`); absent: the business time. */
  recordedAt?: string;
  /** The event's log position (the store's fixed-width string: string order is log order), if known. */
  position?: string;
  event: Readonly<{ type: string; data: unknown }>;
}>;

/** A person as the org stood at one instant. */
export type OrgMember = Readonly<{
  id: string;
  name: string;
  orgRoles: readonly OrgRole[];
  team: string;
  manager: string | null;
}>;

/** When a person was in a team: `[from, to)` of business instants, `null` for an open end. */
export type TeamSpell = Readonly<{ person: string; from: string | null; to: string | null }>;

type Span = {
  readonly revision: number;
  readonly from: string;
  readonly fromMs: number;
  readonly recordedMs: number;
  /** Null until a delivery of the fact brings its position (a just-appended event may come first). */
  position: string | null;
  readonly active: boolean;
  readonly context: PersonContext;
};

type Timeline = { revision: number; state: ReplayState; spans: Span[] };

/**
 * Only what the log held by then: a knowledge instant (ISO) compared with each event's `recordedAt`, or
 * a log position compared with each event's position (a fact given without one counts as known).
 */
export type KnownAt = Readonly<{ knownAt?: string; knownPosition?: string }>;

let replayer: Replayer | undefined;
const folder = (): Replayer => (replayer ??= personWorkflow.replayer());

/**
 * The organisation over business time, folded from person events by the person machine: who was in
 * which team, with which manager and roles, at any instant, as known now or at a `knownAt`.
 *
 * Attribution rule: a fact dated before a person's first event is credited to the team they joined (a
 * history older than the org's records still has a team); after leaving, to the team they left from.
 * Roles and managers have no such fallback: before joining and after leaving a person holds no role.
 */
export class OrgTimeline {
  private readonly people = new Map<string, Timeline>();
  private changes = 0;

  constructor(facts: Iterable<PersonFact> = []) {
    for (const fact of facts) this.apply(fact);
  }

  /** Grows with every applied fact: a cache key for views built from the timeline. */
  get version(): number {
    return this.changes;
  }

  /**
   * Adds one fact. Facts of a person come in revision order; one already applied (same or lower
   * revision) is ignored, so a subscription and a direct read may both feed the timeline. A fact the
   * machine refuses changes nothing. Answers whether the timeline changed.
   */
  apply(fact: PersonFact): boolean {
    const timeline = this.people.get(fact.person) ?? { revision: -1, state: folder().initial(), spans: [] };
    if (fact.revision <= timeline.revision) {
      // The same fact again (the subscription after the append's own delivery): it may bring the position.
      const known =
        fact.position === undefined ? undefined : timeline.spans.find((s) => s.revision === fact.revision);
      if (known !== undefined && known.position === null) known.position = fact.position ?? null;
      return false;
    }
    const next = folder().step(timeline.state, fact.event);
    timeline.revision = fact.revision;
    if (next === undefined) return false;
    timeline.state = next;
    timeline.spans.push({
      revision: fact.revision,
      from: fact.occurredAt,
      fromMs: Date.parse(fact.occurredAt),
      recordedMs: Date.parse(fact.recordedAt ?? fact.occurredAt),
      position: fact.position ?? null,
      active: folder().stateName(next) === 'active',
      context: next.context as PersonContext,
    });
    this.people.set(fact.person, timeline);
    this.changes++;
    return true;
  }

  /** The people the timeline knows, joined or left, in the order they first appeared. */
  ids(): string[] {
    return [...this.people.keys()];
  }

  /** The team a fact by `person` at `instant` is credited to (see the attribution rule). */
  teamOf(person: string, instant: string, options: KnownAt = {}): string | undefined {
    const spans = this.spans(person, options);
    const span = spanAt(spans, Date.parse(instant)) ?? spans[0];
    return span?.context.team ?? undefined;
  }

  managerOf(person: string, instant: string, options: KnownAt = {}): string | undefined {
    const span = spanAt(this.spans(person, options), Date.parse(instant));
    return span?.active ? (span.context.manager ?? undefined) : undefined;
  }

  rolesOf(person: string, instant: string, options: KnownAt = {}): readonly OrgRole[] {
    const span = spanAt(this.spans(person, options), Date.parse(instant));
    return span?.active ? span.context.orgRoles : [];
  }

  /**
   * Everyone who managed `person` at some instant of `[from, to)` (business instants), as known now or
   * at a `knownAt`: the managers of the active spans that overlap the range.
   */
  managersDuring(person: string, from: string, to: string, options: KnownAt = {}): Set<string> {
    const spans = this.spans(person, options);
    const [start, end] = [Date.parse(from), Date.parse(to)];
    const managers = new Set<string>();
    spans.forEach((span, i) => {
      const next = spans[i + 1]?.fromMs ?? Infinity;
      if (!span.active || span.context.manager === null || span.fromMs >= end || next <= start) return;
      managers.add(span.context.manager);
    });
    return managers;
  }

  /** Everyone in the organisation at `instant` (joined, not left). */
  membersAt(instant: string, options: KnownAt = {}): OrgMember[] {
    const at = Date.parse(instant);
    return this.ids().flatMap((id) => {
      const span = spanAt(this.spans(id, options), at);
      return span?.active ? [member(id, span.context)] : [];
    });
  }

  /** Everyone in the organisation after every fact the timeline holds (the org as it stands). */
  current(): OrgMember[] {
    return this.ids().flatMap((id) => {
      const last = this.people.get(id)?.spans.at(-1);
      return last?.active ? [member(id, last.context)] : [];
    });
  }

  /** Every spell anyone was credited to `team`, by the attribution rule: for "by team" filters. */
  spellsIn(team: string, options: KnownAt = {}): TeamSpell[] {
    const spells: TeamSpell[] = [];
    for (const id of this.ids()) {
      const spans = this.spans(id, options);
      spans.forEach((span, i) => {
        if (span.context.team !== team) return;
        const from = i === 0 ? null : span.from;
        const to = spans[i + 1]?.from ?? null;
        const last = spells.at(-1);
        // A change of manager or role inside the team continues the same spell.
        if (last !== undefined && last.person === id && last.to === span.from) {
          spells[spells.length - 1] = { ...last, to };
        } else spells.push({ person: id, from, to });
      });
    }
    return spells;
  }

  private spans(person: string, { knownAt, knownPosition }: KnownAt): readonly Span[] {
    let spans = this.people.get(person)?.spans ?? [];
    if (knownAt !== undefined) {
      const known = Date.parse(knownAt);
      spans = spans.filter((span) => span.recordedMs <= known);
    }
    if (knownPosition !== undefined) {
      spans = spans.filter((span) => span.position === null || span.position <= knownPosition);
    }
    return spans;
  }
}

/** The last span in force at `at` (business time is monotonic per stream, so the last that began). */
function spanAt(spans: readonly Span[], at: number): Span | undefined {
  for (let i = spans.length - 1; i >= 0; i--) if (spans[i]!.fromMs <= at) return spans[i];
  return undefined;
}

function member(id: string, c: PersonContext): OrgMember {
  return { id, name: c.name ?? id, orgRoles: c.orgRoles, team: c.team ?? '', manager: c.manager };
}
