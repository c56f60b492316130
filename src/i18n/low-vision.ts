/**
 * Russian strings and choices of the low-vision panel. The values are the
 * `data-lv-*` attribute values that src/styles/low-vision.css styles.
 */
export const lowVision = {
  title: 'Версия для слабовидящих',
  groups: [
    {
      key: 'size',
      legend: 'Размер шрифта',
      options: [
        { value: '100', label: 'обычный' },
        { value: '150', label: 'крупный' },
        { value: '200', label: 'очень крупный' },
      ],
    },
    {
      key: 'scheme',
      legend: 'Цвета',
      options: [
        { value: 'default', label: 'обычные' },
        { value: 'bw', label: 'чёрным по белому' },
        { value: 'wb', label: 'белым по чёрному' },
        { value: 'blue', label: 'синим по голубому' },
      ],
    },
    {
      key: 'images',
      legend: 'Изображения',
      options: [
        { value: 'on', label: 'показывать' },
        { value: 'off', label: 'скрыть' },
      ],
    },
    {
      key: 'spacing',
      legend: 'Интервал между буквами',
      options: [
        { value: 'normal', label: 'обычный' },
        { value: 'wide', label: 'увеличенный' },
        { value: 'widest', label: 'большой' },
      ],
    },
  ],
} as const;
