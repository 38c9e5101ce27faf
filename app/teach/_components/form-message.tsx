/** The outcome of a form submit, announced to screen readers. */
export function FormMessage({ error, success }: { error?: string; success?: string }) {
  if (error)
    return (
      <p role="alert" className="font-medium text-again">
        {error}
      </p>
    );
  if (success)
    return (
      <p role="status" className="font-medium text-good">
        {success}
      </p>
    );
  return null;
}
