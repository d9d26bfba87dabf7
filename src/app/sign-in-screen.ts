/**
 * The sign-in screen's chunk, from one import site: its route renders it, and the shell (main.tsx) starts loading it
 * alongside the router when the visit will land on it, so the form does not wait for the route table first.
 */
export const signInScreen = () => import('@/features/auth/components/sign-in-page');
