import { createContext, useContext } from 'react';
import { can, type Action, type Role } from '@/contract/permissions';

export type CurrentUser = { id: string; name: string; email: string; role: Role };

const CurrentUserContext = createContext<CurrentUser | null>(null);

/** The app provides the signed-in person; features read it without importing the auth feature. */
export const CurrentUserProvider = CurrentUserContext.Provider;

export function useCurrentUser(): CurrentUser | null {
  return useContext(CurrentUserContext);
}

/** Whether the signed-in person may do this: the same table the API enforces, used to show only what works. */
export function useCan(action: Action): boolean {
  return can(useContext(CurrentUserContext)?.role, action);
}
