import { useFormContext, type FieldPath, type FieldValues } from 'react-hook-form';

/**
 * The message beside a field of a list (an option, an image), shown once the
 * person has left the field or tried to send the form, and gone as soon as the
 * field is right (the form's `mode: 'onTouched'` checks a left field on every
 * change, and every field after a send).
 *
 * react-hook-form also checks the whole list when a row is added or removed
 * (useFieldArray), which would put "Name the option" beside a row nobody has
 * typed in yet; such a message waits here until the field is left or the form sent.
 */
export function useFieldMessage<T extends FieldValues>(): (name: FieldPath<T>) => string | undefined {
  const { getFieldState, formState } = useFormContext<T>();
  return (name) => {
    // Passing formState subscribes this component to the errors and touched fields it reads.
    const { error, isTouched } = getFieldState(name, formState);
    if (!isTouched && !formState.isSubmitted) return undefined;
    // An array (an option's values) may carry its message at root.
    return error?.message ?? error?.root?.message;
  };
}
