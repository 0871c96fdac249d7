import { useMutation } from '@tanstack/react-query';
import type { PasswordChangeBody } from '@voordeur/shared';
import { api } from '../../api/client.ts';

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: PasswordChangeBody) => api<void>('/api/auth/password', { method: 'POST', body }),
  });
}
