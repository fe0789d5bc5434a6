/** ★ 4.3, read out as "Rated 4.3 out of 5". */
export function Rating({ value }: { value: number }) {
  const text = value.toFixed(1);
  return (
    <span className="rating">
      <span aria-hidden="true">★ {text}</span>
      <span className="visually-hidden">Rated {text} out of 5</span>
    </span>
  );
}
