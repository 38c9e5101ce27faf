"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult } from "@/lib/errors";
import { reachAction } from "./reach-action";
import { useFieldErrors, type FieldErrors } from "./use-field-errors";

/**
 * The pending flag, field errors and message that every form keeps around a server action.
 * `submit` resolves to the action's result after showing its errors. Without a `success` message the
 * form is about to navigate away, so pending stays on and it cannot be sent twice; with one, the form
 * stays: pending goes off, the errors clear and the message is announced. Spread `formProps` on the
 * <form> so focus goes to the first invalid field and each error clears once its field is edited
 * (and "Check the highlighted fields" with the last of them).
 */
export function useActionFeedback() {
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const [pending, setPending] = useState(false);
  const { errors, allFixed, formProps } = useFieldErrors(serverErrors);

  async function submit<T>(action: () => Promise<ActionResult<T>>, success?: string): Promise<ActionResult<T>> {
    setPending(true);
    // The form keeps what was typed whatever happens; an action that could not run says nothing was saved.
    const result = await reachAction(action());
    if (result.ok && success === undefined) return result;
    setPending(false);
    setServerErrors(result.ok ? {} : (result.fieldErrors ?? {}));
    setMessage(result.ok ? { success } : { error: result.message });
    return result;
  }

  return { errors, message: allFixed ? {} : message, pending, submit, formProps };
}

/**
 * For controls that stay on their page: `run` announces `success`, then re-renders the server page so
 * it shows the change, or calls `after` instead (to go elsewhere).
 */
export function useRefreshingAction() {
  const router = useRouter();
  const feedback = useActionFeedback();

  async function run<T>(action: () => Promise<ActionResult<T>>, success: string, after?: (data: T) => void): Promise<void> {
    const result = await feedback.submit(action, success);
    if (!result.ok) return;
    if (after) after(result.data);
    else router.refresh();
  }

  return { ...feedback, run };
}
