import { BigButton } from '../big-button';
import { callPhone } from '../../services/platform';
import './index.scss';

interface CallButtonProps {
  phone: string;
  /** Whom the call goes to, for the screen-reader name ("拨打张丽的电话"). */
  who: string;
  label?: string;
}

/**
 * One tap to call. H5: a real `tel:` link (the phone's dialer opens; nothing to emulate);
 * weapp: the big button and `Taro.makePhoneCall`.
 */
export function CallButton({ phone, who, label = '拨打电话' }: CallButtonProps) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a className='call-button' href={`tel:${phone}`} aria-label={`${label}：${who} ${phone}`}>
        {label}
      </a>
    );
  }
  return (
    <BigButton kind='primary' onClick={() => callPhone(phone)}>
      {label}
    </BigButton>
  );
}
