/** A count as the roster pages write it: 1,234. */
export const count = (x: number) => x.toLocaleString('en-GB');

/** "1 person", "1,234 people". */
export const people = (x: number) => `${count(x)} ${x === 1 ? 'person' : 'people'}`;
