/**
 * 天地图 answers in the published shapes (地名搜索 V2.0 and 地理编码; see src/lib/geocode/tianditu.ts),
 * shared by the unit tests and the browser tests' page.route fixtures.
 */
export const TDT_FIXTURES = {
  searchOk: {
    resultType: 1,
    count: 3,
    keyWord: '中兴路',
    pois: [
      { name: '中兴路', phone: '', address: '浙江省绍兴市越城区', lonlat: '120.5825,30.0003', poiType: 101, hotPointID: 'B1A2C3D4E5F60718', typeName: '道路', source: '0' },
      { name: '鲁迅故里', phone: '0575-85132080', address: '绍兴市越城区鲁迅中路241号', lonlat: '120.5806 29.9962', poiType: 101, hotPointID: '6A1F2B3C4D5E6F70', typeName: '风景名胜', source: '0' },
      // outside the district box: dropped
      { name: '中兴路（北京）', phone: '', address: '北京市', lonlat: '116.40,39.90', poiType: 101, hotPointID: 'FFFF000011112222', typeName: '道路', source: '0' },
    ],
    status: { infocode: 1000, cndesc: '服务正常' },
  },
  searchEmpty: { resultType: 1, count: 0, keyWord: 'zzqq', pois: [], status: { infocode: 1000, cndesc: '服务正常' } },
  searchError: { status: { infocode: 2005, cndesc: '请求参数错误' } },
  keyRefused: { code: 1, msg: '权限类型错误', resolve: '请在控制台检查 Key 的类型与白名单' },
  geocoderOk: { msg: 'ok', location: { score: 80, level: '道路', lon: '120.5826', lat: '30.0012', keyWord: '绍兴市越城区中兴路' }, searchVersion: '6.4.9V', status: '0' },
  geocoderEmpty: { msg: '无结果', status: '404' },
  htmlPage: '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>',
} as const;
