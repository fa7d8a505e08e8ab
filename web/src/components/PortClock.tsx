import { formatClock, formatDate, formatZoneAbbrev } from "../format.ts";
import { useLanguage } from "../hooks.ts";

interface Props {
  timeZone: string;
  now: Date;
  showDate?: boolean;
}

/** A port's local time; `data-timezone` lets tests and scripts find it. */
export function PortClock({ timeZone, now, showDate = false }: Props) {
  const lang = useLanguage();
  return (
    <span className="port-clock" data-timezone={timeZone}>
      <time dateTime={now.toISOString()} className="clock-time">
        {formatClock(now, timeZone, lang)}
      </time>{" "}
      <span className="clock-zone">{formatZoneAbbrev(now, timeZone, lang)}</span>
      {showDate && <span className="clock-date">{formatDate(now, timeZone, lang)}</span>}
    </span>
  );
}
