export const CUSTOMER_SEGMENTS = ['strategic', 'ordinary'] as const;
export type CustomerSegment = (typeof CUSTOMER_SEGMENTS)[number];

/** How a customer was touched, strongest influence first: visit > call > chat > email. */
export const CUSTOMER_TOUCH_CHANNELS = ['visit', 'call', 'chat', 'email'] as const;
/** A person's touch, or `deal`: the engine's, for work on one of the customer's deals. */
export type CustomerTouchChannel = (typeof CUSTOMER_TOUCH_CHANNELS)[number] | 'deal';
/** Every channel a stored touch may have; people send only `CUSTOMER_TOUCH_CHANNELS`. */
export const STORED_TOUCH_CHANNELS: readonly CustomerTouchChannel[] = [...CUSTOMER_TOUCH_CHANNELS, 'deal'];

/** Why a customer left a private pool (温控): no touch for `idleDays`, the owner let go, or a manager. */
export type ReturnReason =
  | Readonly<{ kind: 'idle'; idleDays: number; idleSince: string }>
  | Readonly<{ kind: 'released'; note: string | null }>
  | Readonly<{ kind: 'manager'; note: string }>;
export const RETURN_REASON_KINDS = ['idle', 'released', 'manager'] as const;
export type ReturnReasonKind = (typeof RETURN_REASON_KINDS)[number];
