import { useState } from 'react';
import { View } from '@tarojs/components';
import { BigButton } from '../big-button';
import { CasePhotos } from '../case-photos';
import { call, isCallError } from '../../services/call';
import { pickPhotos } from '../../services/photo-picker';

/** A photo already in storage: `fileId` goes into the case, `url` shows the thumbnail. */
export interface UploadedPhoto {
  fileId: string;
  url: string;
}

interface CasePhotoUploadProps {
  label: string;
  photos: readonly UploadedPhoto[];
  onChange: (photos: UploadedPhoto[]) => void;
  max?: number;
  error?: string;
}

/**
 * Pick photos and upload each at once (`case.uploadPhoto`), so a draft keeps only file ids and a
 * submit sends no image bytes. Thumbnails with a 删除 button each.
 */
export function CasePhotoUpload({ label, photos, onChange, max = 9, error }: CasePhotoUploadProps) {
  const [busy, setBusy] = useState(false);
  const [uploadError, setUploadError] = useState('');

  const add = async () => {
    if (busy) return;
    setUploadError('');
    const picked = await pickPhotos(max - photos.length);
    if (picked.length === 0) return;
    setBusy(true);
    const added: UploadedPhoto[] = [];
    try {
      for (const p of picked) {
        const res = await call('case', 'uploadPhoto', { mimeType: p.mimeType, dataBase64: p.dataBase64 });
        added.push({ fileId: res.fileId, url: res.url });
      }
    } catch (e) {
      if (!isCallError(e)) throw e;
      setUploadError(e.fields.dataBase64 ?? e.fields.mimeType ?? e.message);
    } finally {
      setBusy(false);
      if (added.length > 0) onChange([...photos, ...added]);
    }
  };

  const message = uploadError || error;
  return (
    <View className='field'>
      <View className='field__label'>
        {label}（{photos.length}/{max} 张）
      </View>
      <CasePhotos label={label} photos={photos.map((p) => ({ key: p.fileId, url: p.url }))} onRemove={(key) => onChange(photos.filter((p) => p.fileId !== key))} />
      {photos.length < max && (
        <BigButton onClick={() => void add()} disabled={busy}>
          {busy ? '正在上传照片…' : photos.length === 0 ? '拍照或选照片' : '再加照片'}
        </BigButton>
      )}
      {message && (
        <View className='field__error' role='alert'>
          {message}
        </View>
      )}
    </View>
  );
}
