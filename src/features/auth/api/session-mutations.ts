import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '@/api/client';
import { sessionSchema, type SignInInput } from '@/contract/schemas';
import { sessionQueries } from './session-queries';

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SignInInput) => request('POST', '/session', { schema: sessionSchema, body: input }),
    onSuccess: (session) => queryClient.setQueryData(sessionQueries.current().queryKey, session),
  });
}

/** Ends the session on the API, then forgets everything cached for this person. */
export async function signOut(queryClient: QueryClient): Promise<void> {
  await request('DELETE', '/session', { schema: z.undefined() });
  queryClient.clear();
}
