// India's food marks: a green square with a dot (veg), a brown one with a triangle (non-veg).
export function VegMark({ veg }: { veg: boolean }) {
  const label = veg ? "Vegetarian" : "Non-vegetarian";
  return (
    <span className={veg ? "veg-mark veg" : "veg-mark non-veg"} role="img" aria-label={label} title={label}>
      <span className="veg-mark-inner" aria-hidden="true" />
    </span>
  );
}
