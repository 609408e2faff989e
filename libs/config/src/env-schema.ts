import { API_KEY_FORMAT } from '@ltc/users';
import { z } from 'zod';
import {
  EVENT_STORE_KINDS,
  MAX_BACKDATE_WINDOW_DAYS,
  MAX_FUTURE_SKEW_SECONDS,
  LOG_LEVELS,
  MAX_RATE_LIMIT_PER_MINUTE,
  MAX_SWEEP_INTERVAL_MINUTES,
  type VariableName,
} from './variables';

// An empty variable counts as unset, as it does for a shell user who writes `PORT= npm start`.
const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());
const wholeNumber = (min: number, max: number) =>
  z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(min).max(max));

// The client's grammar: scheme, optional user:password@, one or more host[:port], optional ?options.
const ESDB = /^esdb(\+discover)?:\/\/([^@/?#\s]+@)?[^,@/?#\s]+(,[^,@/?#\s]+)*\/?(\?\S*)?$/;

// `negotiation=0.75` or `open.negotiation=0.75`: a stage name and a decimal from 0 to 1.
const STAGE_PROBABILITY = /^\s*(?:open\.)?([A-Za-z]+)\s*=\s*(0(?:\.\d+)?|1(?:\.0+)?|\.\d+)\s*$/;

/** `stage=probability` pairs, keyed by the full stage (`open.negotiation`); each stage once. */
const stageProbabilities = z
  .string()
  .refine((text) => {
    const names = text.split(',').map((pair) => STAGE_PROBABILITY.exec(pair)?.[1]);
    return names.every((name) => name !== undefined) && new Set(names).size === names.length;
  })
  .transform((text): Readonly<Record<string, number>> =>
    Object.fromEntries(
      text.split(',').map((pair) => {
        const [, name, probability] = STAGE_PROBABILITY.exec(pair) as RegExpExecArray;
        return [`open.${name}`, Number(probability)];
      }),
    ),
  );

/** The environment of the api and the cli, one zod schema for both; each variable optional here. */
export const envSchema = z.object({
  PORT: optional(wholeNumber(0, 65535)),
  HOST: optional(z.string()),
  DATA_DIR: optional(z.string()),
  EVENT_STORE: optional(z.enum(EVENT_STORE_KINDS)),
  SQLITE_FILE: optional(z.string()),
  EVENTSTORE_CONNECTION_STRING: optional(z.string().regex(ESDB)),
  USERS_FILE: optional(z.string()),
  SWEEP_INTERVAL_MINUTES: optional(wholeNumber(0, MAX_SWEEP_INTERVAL_MINUTES)),
  FUTURE_SKEW_SECONDS: optional(wholeNumber(0, MAX_FUTURE_SKEW_SECONDS)),
  BACKDATE_WINDOW_DAYS: optional(wholeNumber(0, MAX_BACKDATE_WINDOW_DAYS)),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS)),
  RATE_LIMIT_PER_MINUTE: optional(wholeNumber(0, MAX_RATE_LIMIT_PER_MINUTE)),
  FORECAST_STAGE_PROBABILITIES: optional(stageProbabilities),
  // The shape here; that the code is a known currency the api checks at start (config.checks.ts).
  REPORTING_CURRENCY: optional(z.string().regex(/^[A-Z]{3}$/)),
  LTC_URL: optional(z.url({ protocol: /^https?$/ })),
  LTC_API_KEY: optional(z.string().regex(API_KEY_FORMAT)),
});

export type Env = Readonly<Record<string, string | undefined>>;
export type ParsedEnv = z.output<typeof envSchema>;

// The schema and the documented variables name the same set, in both directions.
const sameNames: [VariableName, keyof ParsedEnv] extends [keyof ParsedEnv, VariableName] ? true : never =
  true;
void sameNames;
