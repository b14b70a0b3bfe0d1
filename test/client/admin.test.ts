import { describe, expect, it } from 'vitest';
import { fieldErrors, ProblemError } from '../../client/api/problem';
import { createTranslator } from '../../client/i18n/translate';
import { nextTab, parseAdminTab } from '../../client/features/admin/admin-tabs';
import {
  auditActionKey,
  auditActions,
  formatRelativeTime,
  humanizeAction,
} from '../../client/features/admin/audit-format';
import { parseSettingsForm } from '../../client/features/admin/settings-form';
import {
  changeFrom,
  storesForRole,
  validateUserDraft,
  type UserDraft,
} from '../../client/features/admin/user-form';
import type { User } from '../../client/api/contract';
import { validatePasswordDraft } from '../../client/features/auth/password-form';
import { en } from '../../client/i18n/messages/en';
import { de } from '../../client/i18n/messages/de';

const draft = (over: Partial<UserDraft> = {}): UserDraft => ({
  email: 'ada@example.com',
  name: '',
  password: 'a-long-enough-password',
  role: 'viewer',
  storeIds: [],
  ...over,
});

describe('the change-password form', () => {
  it('asks for the current password and a new one of at least 12 characters, typed twice alike', () => {
    expect(validatePasswordDraft({ currentPassword: '', newPassword: '', confirm: '' })).toEqual({
      'body.currentPassword': 'required',
      'body.newPassword': 'required',
    });
    expect(
      validatePasswordDraft({
        currentPassword: 'old',
        newPassword: 'elevenchars',
        confirm: 'elevenchars',
      }),
    ).toEqual({ 'body.newPassword': 'tooShort' });
    expect(
      validatePasswordDraft({
        currentPassword: 'old',
        newPassword: 'twelve chars',
        confirm: 'twelve charz',
      }),
    ).toEqual({ confirm: 'mismatch' });
    expect(
      validatePasswordDraft({
        currentPassword: 'old',
        newPassword: 'twelve chars',
        confirm: 'twelve chars',
      }),
    ).toEqual({});
  });

  it('refuses a new password equal to the current one', () => {
    expect(
      validatePasswordDraft({
        currentPassword: 'same old password',
        newPassword: 'same old password',
        confirm: 'same old password',
      }),
    ).toEqual({ 'body.newPassword': 'unchanged' });
  });
});

describe('the user form', () => {
  it('a new user needs a valid email and a password of at least 12 characters', () => {
    expect(validateUserDraft(draft(), { isNew: true })).toEqual({});
    expect(validateUserDraft(draft({ email: ' ', password: '' }), { isNew: true })).toEqual({
      'body.email': 'required',
      'body.password': 'required',
    });
    expect(validateUserDraft(draft({ email: 'ada@', password: 'short' }), { isNew: true })).toEqual(
      { 'body.email': 'email', 'body.password': 'passwordShort' },
    );
  });

  it('changing a user needs no password, but a new one must still be long enough', () => {
    expect(validateUserDraft(draft({ password: '' }), { isNew: false })).toEqual({});
    expect(validateUserDraft(draft({ password: 'short' }), { isNew: false })).toEqual({
      'body.password': 'passwordShort',
    });
  });

  it('a store manager needs at least one store; other roles keep none', () => {
    expect(validateUserDraft(draft({ role: 'store_manager' }), { isNew: true })).toEqual({
      'body.storeIds': 'storesRequired',
    });
    expect(
      validateUserDraft(draft({ role: 'store_manager', storeIds: ['st-01'] }), { isNew: true }),
    ).toEqual({});
    expect(storesForRole('marketer', ['st-01'])).toEqual([]);
    expect(storesForRole('store_manager', ['st-01'])).toEqual(['st-01']);
  });
});

describe('changing a user', () => {
  const user: User = {
    id: 'us-1',
    email: 'sam@example.com',
    name: 'Sam',
    role: 'store_manager',
    storeIds: ['st-01', 'st-02'],
    active: true,
    version: 3,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  };
  const unchanged = {
    email: user.email,
    name: user.name,
    password: '',
    role: user.role,
    storeIds: ['st-02', 'st-01'],
    active: true,
  };

  it('sends the version it was made against and only what changed', () => {
    expect(changeFrom(user, unchanged)).toEqual({ version: 3 });
    expect(changeFrom(user, { ...unchanged, role: 'marketer', storeIds: [] })).toEqual({
      version: 3,
      role: 'marketer',
      storeIds: [],
    });
    expect(
      changeFrom(user, { ...unchanged, active: false, password: 'a-new-long-password' }),
    ).toEqual({ version: 3, active: false, password: 'a-new-long-password' });
  });
});

describe('the privacy and time zone form', () => {
  const units = { distanceUnits: 'imperial', temperatureUnit: 'fahrenheit' } as const;
  it('sends k and the retention months, or null when retention is off', () => {
    expect(
      parseSettingsForm({
        minGroupSize: '10',
        retain: true,
        retentionMonths: '24',
        timeZone: '',
        ...units,
      }),
    ).toEqual({
      ok: true,
      value: { minGroupSize: 10, retentionMonths: 24, timeZone: null, ...units },
    });
    expect(
      parseSettingsForm({
        minGroupSize: ' 5 ',
        retain: false,
        retentionMonths: 'whatever',
        timeZone: 'Europe/Berlin',
        ...units,
      }),
    ).toEqual({
      ok: true,
      value: { minGroupSize: 5, retentionMonths: null, timeZone: 'Europe/Berlin', ...units },
    });
  });

  it('refuses a k below 2 (a group of one is a person), months that are not a whole positive number, and a zone that is none', () => {
    expect(
      parseSettingsForm({
        minGroupSize: '1',
        retain: true,
        retentionMonths: '0',
        timeZone: 'Mars/Olympus',
        ...units,
      }),
    ).toEqual({
      ok: false,
      errors: {
        'body.minGroupSize': 'minGroupSize',
        'body.retentionMonths': 'retentionMonths',
        'body.timeZone': 'timeZone',
      },
    });
    expect(
      parseSettingsForm({
        minGroupSize: '2.5',
        retain: true,
        retentionMonths: '-3',
        timeZone: '',
        ...units,
      }),
    ).toMatchObject({ ok: false });
  });
});

describe('the audit log wording', () => {
  it('known actions have a message in English and German; others are still readable', () => {
    for (const action of auditActions) {
      const key = auditActionKey(action)!;
      expect(en[key]).toBeTruthy();
      expect(de[key]).toBeTruthy();
    }
    expect(auditActionKey('campaign.pause')).toBeNull();
    expect(humanizeAction('campaign.pause_all')).toBe('campaign: pause all');
    expect(humanizeAction('reindex')).toBe('reindex');
  });

  it('times read as how long ago, in the largest fitting unit and the viewer’s language', () => {
    const at = new Date('2026-01-10T12:00:00Z');
    expect(formatRelativeTime('en', '2026-01-10T11:59:30Z', at)).toBe('30 seconds ago');
    expect(formatRelativeTime('en', '2026-01-10T09:00:00Z', at)).toBe('3 hours ago');
    expect(formatRelativeTime('en', '2026-01-09T12:00:00Z', at)).toBe('yesterday');
    expect(formatRelativeTime('de', '2026-01-07T12:00:00Z', at)).toBe('vor 3 Tagen');
    expect(formatRelativeTime('en', 'not a time', at)).toBe('not a time');
  });
});

describe('the workspace settings view in the URL', () => {
  it('names a known tab or nothing, and arrow keys move between tabs, wrapping around', () => {
    expect(parseAdminTab('tokens')).toBe('tokens');
    expect(parseAdminTab('billing')).toBeNull();
    expect(parseAdminTab(null)).toBeNull();
    expect(nextTab('users', 'ArrowRight')).toBe('tokens');
    expect(parseAdminTab('data')).toBe('data');
    expect(nextTab('users', 'ArrowLeft')).toBe('data');
    expect(nextTab('audit', 'Home')).toBe('users');
    expect(nextTab('audit', 'End')).toBe('data');
    expect(nextTab('audit', 'a')).toBeNull();
  });

  it('in a right-to-left page the left arrow moves to the next tab', () => {
    expect(nextTab('users', 'ArrowLeft', true)).toBe('tokens');
    expect(nextTab('users', 'ArrowRight', true)).toBe('data');
  });
});

describe('server field errors', () => {
  it('are keyed by the field the server names, so each shows on its input, in the viewer’s language', () => {
    const error = new ProblemError('http', {
      type: 'about:blank',
      title: 'Invalid',
      status: 422,
      errors: [
        { field: 'body.currentPassword', code: 'wrong_password', message: 'wrong password' },
      ],
    });
    const t = createTranslator('de', de);
    expect(fieldErrors(error, t)).toEqual({
      'body.currentPassword': 'Das ist nicht dein aktuelles Passwort.',
    });
    expect(fieldErrors(new Error('boom'), t)).toEqual({});
  });
});
