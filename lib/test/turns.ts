/**
 * Counts the event loop's turns from now until the returned stop() (each a turn in which a server
 * process reads its requests' I/O): a loop that takes none holds every request of its process
 * until it ends (lib/ops/take-turn.ts).
 */
export function countTurns(): () => number {
  let turns = 0;
  let counting = true;
  const tick = () => {
    turns++;
    if (counting) setImmediate(tick);
  };
  setImmediate(tick);
  return () => {
    counting = false;
    return turns;
  };
}
