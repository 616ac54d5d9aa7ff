import { View } from '@tarojs/components';
import { Avatar } from '../../../components/avatar';
import { BigButton } from '../../../components/big-button';
import { Section } from '../../../components/section';
import { call, CallError } from '../../../services/call';
import { pickPhotoAsBase64 } from '../../../services/platform';
import { PHOTO_MAX_BYTES } from '../../../domain/org/api';
import { useSubmit } from '../../../services/use-submit';

interface PhotoSectionProps {
  person: { personId: string; name: string; photoUrl?: string };
  onUploaded: () => void;
}

/** The photo on the board: pick one (album or camera), checked for size here and for type and size by the function. */
export function PhotoSection({ person, onUploaded }: PhotoSectionProps) {
  const submit = useSubmit();
  const choose = () =>
    void submit
      .run(async () => {
        const photo = await pickPhotoAsBase64();
        if (!photo) return null;
        if (photo.bytes > PHOTO_MAX_BYTES) throw new CallError('INVALID_INPUT', '照片太大了，请选一张小于 2MB 的照片');
        return call('org', 'uploadPersonPhoto', { personId: person.personId, mimeType: photo.mimeType, dataBase64: photo.dataBase64 });
      })
      .then((r) => r && onUploaded());
  return (
    <Section heading='照片'>
      <View className='people-row__top'>
        <Avatar name={person.name} photoUrl={person.photoUrl} />
        <View className='section__help'>请用本人正面照，JPG 或 PNG，不超过 2MB。</View>
      </View>
      {submit.message !== '' && (
        <View className='section__error' role='alert'>
          {submit.fields.dataBase64 ?? submit.fields.mimeType ?? submit.message}
        </View>
      )}
      <BigButton disabled={submit.busy} onClick={choose}>
        {submit.busy ? '正在上传…' : person.photoUrl ? '更换照片' : '上传照片'}
      </BigButton>
    </Section>
  );
}
