import { Image, View } from '@tarojs/components';
import './index.scss';

interface AvatarProps {
  name: string;
  photoUrl?: string;
}

/** A person's photo, or their surname on a coloured disc when there is none (decorative: the name is next to it). */
export function Avatar({ name, photoUrl }: AvatarProps) {
  if (photoUrl) {
    return <Image className='avatar' src={photoUrl} mode='aspectFill' nativeProps={{ alt: `${name}的照片` }} />;
  }
  return (
    <View className='avatar avatar--placeholder' aria-hidden='true'>
      {name.slice(0, 1)}
    </View>
  );
}
