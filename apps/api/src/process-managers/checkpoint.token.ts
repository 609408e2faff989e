export const CHECKPOINTS = Symbol.for('ltc.ProcessManagerCheckpoints');
