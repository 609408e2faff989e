/** Customer-pool configuration (客户优先跟进机制); decisions copy what they used into their events. */
export type CustomerPolicy = Readonly<{
  /** Most customers one private pool may hold. */
  poolCapacity: number;
  /** Days a returned customer stays out of reach of its previous owner. */
  reclaimCooldownDays: number;
  /** Days without a touch after which a customer may be returned to the public pool. */
  idleDays: number;
}>;

export const defaultCustomerPolicy: CustomerPolicy = {
  poolCapacity: 50,
  reclaimCooldownDays: 30,
  idleDays: 30,
};
