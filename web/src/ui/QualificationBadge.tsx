import { qualificationColours } from './qualification';

export function QualificationBadge({ code, label }: { code: string; label: string }) {
  const c = qualificationColours(code);
  return (
    <span className="qualification" data-qualification={code} style={{ background: c.bg, color: c.fg, borderColor: c.border }}>
      {label}
    </span>
  );
}
