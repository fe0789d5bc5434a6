import { formatPaise } from "../lib/money";

export function Money({ paise, className }: { paise: number; className?: string }) {
  return <span className={className ? `money ${className}` : "money"}>{formatPaise(paise)}</span>;
}
