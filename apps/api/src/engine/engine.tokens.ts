export const POLICIES = Symbol.for('ltc.Policies');
