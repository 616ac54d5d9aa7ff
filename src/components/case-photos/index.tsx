import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { pressable } from '../case-choice/pressable';
import './index.scss';

export interface CasePhotoItem {
  key: string;
  url: string;
}

interface CasePhotosProps {
  photos: readonly CasePhotoItem[];
  /** What the photos show, for screen readers ("现场照片"). */
  label: string;
  /** Editable: each thumbnail gets a 删除 button. */
  onRemove?: (key: string) => void;
}

/** Photo thumbnails, three to a row; tap one to see it full screen. */
export function CasePhotos({ photos, label, onRemove }: CasePhotosProps) {
  if (photos.length === 0) return null;
  const urls = photos.map((p) => p.url);
  return (
    <View className='case-photos'>
      {photos.map((p, i) => (
        <View key={p.key} className='case-photos__item'>
          <Image
            className='case-photos__img'
            src={p.url}
            mode='aspectFill'
            onClick={() => void Taro.previewImage({ urls, current: p.url }).catch(() => undefined)}
            nativeProps={{ alt: `${label}第${i + 1}张` }}
          />
          {onRemove && (
            <View
              className='case-photos__remove'
              role='button'
              {...pressable(() => onRemove(p.key))}
              aria-label={`删除第${i + 1}张照片`}
              onClick={() => onRemove(p.key)}
            >
              删除
            </View>
          )}
        </View>
      ))}
    </View>
  );
}
