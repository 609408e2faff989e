export const CHECKPOINTS = Symbol.for('ltc.ProcessManagerCheckpoints');
export const DEAD_LETTERS = Symbol.for('ltc.ProcessManagerDeadLetters');
