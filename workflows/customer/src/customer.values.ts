export const CUSTOMER_SEGMENTS = ['strategic', 'ordinary'] as const;
export type CustomerSegment = (typeof CUSTOMER_SEGMENTS)[number];

/** How a customer was touched, strongest influence first: visit > call > chat > email. */
export const CUSTOMER_TOUCH_CHANNELS = ['visit', 'call', 'chat', 'email'] as const;
export type CustomerTouchChannel = (typeof CUSTOMER_TOUCH_CHANNELS)[number];

/** Why a customer left a private pool (温控): no touch for `idleDays`, the owner let go, or a manager. */
export type ReturnReason =
  | Readonly<{ kind: 'idle'; idleDays: number; idleSince: string }>
  | Readonly<{ kind: 'released'; note: string | null }>
  | Readonly<{ kind: 'manager'; note: string }>;
export const RETURN_REASON_KINDS = ['idle', 'released', 'manager'] as const;
export type ReturnReasonKind = (typeof RETURN_REASON_KINDS)[number];
