/** The four roles of CONTRACTS §5. A person holds exactly one. */
export const roles = ['learner', 'assessor', 'manager', 'admin'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Readonly<Record<Role, string>> = {
  learner: 'Learner',
  assessor: 'Assessor',
  manager: 'Manager',
  admin: 'Administrator',
};

/** A shop's brand image shapes which special terms suit it. */
export const brandImages = ['value', 'mid-market', 'premium'] as const;
export type BrandImage = (typeof brandImages)[number];
