/** The demo shop's staff, one per role, with the passwords the sign-in page offers. */
import type { Role } from '../contract/permissions';

/** The seeded staff, one per role. Hashes were computed with hashPassword and the salts shown. */
export const DEMO_STAFF: readonly {
  id: string;
  email: string;
  name: string;
  role: Role;
  password: string;
  salt: string;
  passwordHash: string;
}[] = [
  {
    id: 'staff_admin',
    email: 'ada.admin@stockroom.test',
    name: 'Ada Admin',
    role: 'admin',
    password: 'admin-demo-2026',
    salt: 'mwTIzWnB94/dzkkFWkdUCs',
    passwordHash: 'C5+crsen0phPNqPNjK3WdQKiXKzw6WerYPriCj4zjg0=',
  },
  {
    id: 'staff_manager',
    email: 'max.manager@stockroom.test',
    name: 'Max Manager',
    role: 'manager',
    password: 'manager-demo-2026',
    salt: 'X5R3Ul9QxjQAH7uqDmAAxY',
    passwordHash: '/L8Z5crzNBw59QUS5nimqoOPsMVOyXqLKMk0axVWY8s=',
  },
  {
    id: 'staff_merch',
    email: 'mia.merch@stockroom.test',
    name: 'Mia Merchandiser',
    role: 'merchandiser',
    password: 'merch-demo-2026',
    salt: 'VVQXughVtQepP8lGrdp+oq',
    passwordHash: '0FDb9Pbo7jZ1z8lAOittTiDfHjsFnKfMZl7xaeESpdQ=',
  },
  {
    id: 'staff_support',
    email: 'sam.support@stockroom.test',
    name: 'Sam Support',
    role: 'support',
    password: 'support-demo-2026',
    salt: 'L+ywor6jNYSIz8PiLFk53q',
    passwordHash: 'Amj8eOVt+bpK6/0CF3yT0OftEkRyHVVX6l1CNkAZ2mI=',
  },
];

/** The demo person of a role (there is one of each), with the password the sign-in page offers. */
export function demoStaffOf(role: Role): (typeof DEMO_STAFF)[number] {
  const person = DEMO_STAFF.find((s) => s.role === role);
  if (!person) throw new Error(`No demo account for ${role}`);
  return person;
}
