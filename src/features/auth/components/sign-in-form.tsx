import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { ApiError } from '@/api/api-error';
import { signInInputSchema, type Session, type SignInInput } from '@/contract/schemas';
import { useSignIn } from '../api/session-mutations';

type SignInFormProps = {
  defaultEmail?: string;
  onSignedIn: (session: Session) => void;
  /** Lets a caller (the demo accounts list) fill the form. */
  formRef?: (fill: (values: SignInInput) => void) => void;
  submitLabel?: string;
  /** Signing in again after a session ran out: the same person, so the resumed work stays theirs. */
  emailLocked?: boolean;
  /** Drawn into index.html at build time: the fields read-only and the button inert until the app replaces them. */
  beforeScripts?: boolean;
};

export function SignInForm({
  defaultEmail = '',
  onSignedIn,
  formRef,
  submitLabel = 'Sign in',
  emailLocked = false,
  beforeScripts = false,
}: SignInFormProps) {
  const signIn = useSignIn();
  const { register, handleSubmit, setValue, formState } = useForm<SignInInput>({
    resolver: zodResolver(signInInputSchema),
    defaultValues: { email: defaultEmail, password: '' },
  });
  formRef?.((values) => {
    setValue('email', values.email, { shouldValidate: true });
    setValue('password', values.password, { shouldValidate: true });
  });
  const failure = signIn.error instanceof ApiError ? signIn.error.message : signIn.error ? 'Signing in failed. Try again.' : null;

  return (
    <form
      noValidate
      aria-label="Sign in"
      onSubmit={handleSubmit((values) => signIn.mutate(values, { onSuccess: (session) => onSignedIn(session) }))}
    >
      <Stack gap="sm">
        {failure && (
          <Alert color="red" title="Not signed in" role="alert">
            {failure}
          </Alert>
        )}
        <TextInput
          label="Email"
          type="email"
          autoComplete="username"
          readOnly={emailLocked || beforeScripts}
          error={formState.errors.email?.message}
          {...register('email')}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          readOnly={beforeScripts}
          error={formState.errors.password?.message}
          {...register('password')}
        />
        <Button type={beforeScripts ? 'button' : 'submit'} aria-disabled={beforeScripts || undefined} loading={signIn.isPending}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
