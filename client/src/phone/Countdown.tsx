/**
 * @module phone/Countdown
 * The open round's countdown, when the facilitator set one: large, calm, and kept in view while
 * the ballot scrolls. The digits change every second but are not announced (role="timer" is
 * silent); a separate polite live region speaks at each whole minute, then at 30 and 10 seconds.
 * The region is always there, empty without a countdown: one inserted with its text already in
 * it is often not read out. Warning colours only in the last 10 seconds. The deadline is the
 * room's clock; this phone's clock may differ by a little.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { t, tn } from "../i18n";

/** Changes only where something is said: each whole minute, then 30 s, 10 s and zero. */
const stage = (left: number): number => (left > 60 ? Math.ceil(left / 60) * 60 : left > 30 ? 60 : left > 10 ? 30 : left > 0 ? 10 : 0);

function spoken(left: number): string {
  if (left <= 0) return t("phone.timer.up");
  return left >= 60 ? tn("phone.timer.minutes", Math.round(left / 60)) : tn("phone.timer.seconds", left);
}

export function Countdown({ deadline }: { deadline: number | null }) {
  // Only a re-render each second: the time left is read from the clock as the page draws.
  const [, setTicks] = useState(0);
  useEffect(() => {
    if (deadline === null) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      const ms = deadline - Date.now();
      setTicks((n) => n + 1);
      // Wake just after the next whole second of the time left, so the digits never skip one.
      if (ms > 0) timer = setTimeout(tick, (ms % 1000) + 20);
    };
    tick();
    return () => clearTimeout(timer);
  }, [deadline]);

  const left = deadline === null ? null : Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
  // What is said is worked out once per stage, with the time left as it enters it.
  const said = useRef<{ deadline: number | null; stage: number; text: string }>({ deadline: null, stage: -1, text: "" });
  if (left === null) said.current = { deadline, stage: -1, text: "" };
  else if (said.current.deadline !== deadline || said.current.stage !== stage(left))
    said.current = { deadline, stage: stage(left), text: spoken(left) };

  return (
    <>
      {left === null ? null : (
        <div class={left <= 10 ? "countdown countdown--soon" : "countdown"}>
          <span class="countdown__label">{t("timer.left")}</span>
          <span class="countdown__time" role="timer">
            {`${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`}
          </span>
        </div>
      )}
      <p class="sr-only" aria-live="polite">
        {said.current.text}
      </p>
    </>
  );
}
