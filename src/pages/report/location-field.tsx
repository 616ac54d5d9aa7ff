import { useState } from 'react';
import { View } from '@tarojs/components';
import { BigButton } from '../../components/big-button';
import { Field } from '../../components/field';
import { pickLocation, picksOnMap } from '../../services/location';

interface LocationFieldProps {
  address: string;
  located: boolean;
  onChange: (patch: { address?: string; lat?: number; lng?: number }) => void;
  error?: string;
}

/**
 * Where the problem is. The grid is known from the QR code, so "在本网格内" is already an answer;
 * a map pick (weapp) or the phone's position (H5) and a written place are optional extras.
 */
export function LocationField({ address, located, onChange, error }: LocationFieldProps) {
  const [busy, setBusy] = useState(false);
  const [hint, setHint] = useState('');

  const locate = async () => {
    setBusy(true);
    setHint('');
    const res = await pickLocation();
    setBusy(false);
    if (!res.ok) {
      setHint(res.message);
      return;
    }
    const { latitude, longitude } = res.location;
    onChange({ lat: latitude, lng: longitude, ...(res.location.address ? { address: res.location.address } : {}) });
  };

  return (
    <View className='field'>
      <View className='field__label' aria-hidden='true'>
        问题在哪里
      </View>
      <View className='section__text' role='status'>
        {hint || (located ? '✓ 已记下准确位置' : '在本网格内（不标也可以）')}
      </View>
      <View className='section__actions'>
        <BigButton onClick={() => void locate()} disabled={busy}>
          {busy ? '正在定位…' : picksOnMap ? '在地图上标出位置' : '用手机定位'}
        </BigButton>
      </View>
      <Field label='详细地点（可不填，如：3栋2单元门口）' value={address} onChange={(v) => onChange({ address: v })} maxLength={100} error={error} />
    </View>
  );
}
