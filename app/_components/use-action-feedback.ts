"use client";
import { useState } from "react";
import type { ActionResult } from "@/lib/errors";

type FieldErrors = Record<string, string[] | undefined>;

/**
 * The pending flag, field errors and message that every form keeps around a server action.
 * `submit` resolves to the action's data, or undefined after showing its errors. Pending stays
 * on after success because the form navigates away.
 */
export function useActionFeedback() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string>();
  const [pending, setPending] = useState(false);

  async function submit<T>(action: () => Promise<ActionResult<T>>): Promise<T | undefined> {
    setPending(true);
    const result = await action();
    if (result.ok) return result.data;
    setPending(false);
    setErrors(result.fieldErrors ?? {});
    setMessage(result.message);
    return undefined;
  }

  return { errors, message, pending, submit };
}
