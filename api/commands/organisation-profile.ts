// The organisation's name, region and logo: everyone of the organisation reads them (every page header,
// every document), HR sets them. A logo is a PNG or a JPEG by its bytes, at most 256 KiB.
import type { Principal } from '../../auth/identity.ts';
import { contentTypeOf } from '../../domain/files/content-type.ts';
import { checkProfile, maxLogoBytes } from '../../domain/organisation/master-data.ts';
import { setLogo, setProfile } from '../../organisation/profile.ts';
import { logoOf, organisationProfile } from '../../record/read/organisation.ts';
import { Refusal } from './refusal.ts';
import { requireHr } from './require.ts';
import type { Services } from './services.ts';

export async function readProfile(services: Services, me: Principal) {
  return organisationProfile(services.db, me.org);
}

export async function saveProfile(services: Services, me: Principal, body: unknown) {
  requireHr(me);
  const checked = checkProfile(body);
  if (!checked.ok) {
    const detail = checked.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    throw new Refusal(422, 'invalid_master_data', detail, {
      field: checked.errors[0]?.field,
      errors: checked.errors,
    });
  }
  await setProfile(services.db, me.org, me.nip, checked.value);
  return organisationProfile(services.db, me.org);
}

export async function saveLogo(services: Services, me: Principal, bytes: Uint8Array) {
  requireHr(me);
  if (bytes.length > maxLogoBytes)
    throw new Refusal(413, 'logo_too_large', `The logo is ${bytes.length} bytes; at most ${maxLogoBytes}`, {
      field: 'logo',
      maxBytes: maxLogoBytes,
    });
  const type = contentTypeOf(bytes);
  if (type !== 'image/png' && type !== 'image/jpeg')
    throw new Refusal(
      422,
      'invalid_logo_type',
      'The logo must be a PNG or a JPEG image (read from its bytes)',
      { field: 'logo' },
    );
  return setLogo(services.db, me.org, me.nip, { bytes, type });
}

export async function readLogo(services: Services, me: Principal) {
  const logo = await logoOf(services.db, me.org);
  if (!logo) throw new Refusal(404, 'not_found', 'The organisation has no logo');
  return logo;
}
