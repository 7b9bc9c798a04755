import { useEffect, useState } from 'react';

/** The current time, refreshed every `everyMs` (aligned to the next tick so clocks turn on time). */
export function useNow(everyMs = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      timer = setTimeout(
        () => {
          setNow(new Date());
          schedule();
        },
        everyMs - (Date.now() % everyMs) + 5,
      );
    };
    schedule();
    return () => clearTimeout(timer);
  }, [everyMs]);
  return now;
}
