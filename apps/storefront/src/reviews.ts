/** A review as the demo's store keeps it. Written for this demo; none are real customers. */
export interface StoredReview {
  id: string;
  author: string;
  date: string;
  rating: number;
  text: string;
  lang: 'en' | 'zh';
}

export const SEEDED_REVIEWS: StoredReview[] = [
  { id: 'r1', author: 'Maya K.', date: '2026-10-30', rating: 5, lang: 'en', text: 'Warmest jacket I have owned. I wore it on a windy ridge at minus eight and stayed cosy the whole hike. The hood fits over a beanie too.' },
  { id: 'r2', author: 'Tom R.', date: '2026-10-28', rating: 4, lang: 'en', text: 'Great quality stitching and the zipper runs smoothly. Sleeves are a little long for me, so consider sizing down if you have short arms.' },
  { id: 'r3', author: '李静', date: '2026-10-27', rating: 5, lang: 'zh', text: '做工非常好，面料摸起来很舒服，保暖效果超出预期。物流也很快，三天就到了。' },
  { id: 'r4', author: 'Priya S.', date: '2026-10-25', rating: 2, lang: 'en', text: 'Shipping took almost three weeks and the box arrived crushed. The jacket itself is fine, but the delivery experience was disappointing.' },
  { id: 'r5', author: 'Jonas B.', date: '2026-10-24', rating: 5, lang: 'en', text: 'Light enough to pack into its own pocket, yet really warm. Perfect for ski touring. Worth every penny.' },
  { id: 'r6', author: '王磊', date: '2026-10-22', rating: 3, lang: 'zh', text: '衣服质量不错，但是尺码偏大，我平时穿L，这件M就够了。建议买小一号。' },
  { id: 'r7', author: 'Elena G.', date: '2026-10-21', rating: 1, lang: 'en', text: 'The zipper broke after two weeks of normal use. Very poor quality for the price, and customer service never answered my email.' },
  { id: 'r8', author: 'Sam W.', date: '2026-10-19', rating: 4, lang: 'en', text: 'Comfortable and warm, and the color is exactly like the photos. Pockets could be deeper, my phone almost slipped out.' },
  { id: 'r9', author: '陈晓', date: '2026-10-18', rating: 5, lang: 'zh', text: '颜色很好看，版型修身，穿上很精神。冬天骑车上班一点都不冷，非常满意！' },
  { id: 'r10', author: 'Grace L.', date: '2026-10-16', rating: 5, lang: 'en', text: 'Bought it for a trip to Iceland. It handled rain, sleet and wind without a problem. The fit is true to size.' },
  { id: 'r11', author: 'Marco D.', date: '2026-10-15', rating: 3, lang: 'en', text: 'Decent jacket, but a bit expensive for what you get. The insulation is good, the outer fabric feels thinner than I expected.' },
  { id: 'r12', author: '张敏', date: '2026-10-13', rating: 2, lang: 'zh', text: '快递太慢了，等了两个星期。衣服有一股味道，洗了两次才散掉。' },
  { id: 'r13', author: 'Olivia P.', date: '2026-10-12', rating: 5, lang: 'en', text: 'So soft inside and it does not make that crinkly noise many puffers do. I get compliments every time I wear it.' },
  { id: 'r14', author: 'Hannah M.', date: '2026-10-10', rating: 4, lang: 'en', text: 'Very warm and well made. The hem drawcord is a nice touch. Only wish it came in a longer cut.' },
  { id: 'r15', author: '刘洋', date: '2026-10-09', rating: 4, lang: 'zh', text: '保暖性很好，拉链顺滑，口袋设计合理。就是价格有点贵，打折的时候买更划算。' },
  { id: 'r16', author: 'Ben T.', date: '2026-10-08', rating: 1, lang: 'en', text: 'Runs very small. I ordered my usual size and could not close it over a sweater. The return process was slow and confusing.' },
  { id: 'r17', author: 'Aisha N.', date: '2026-10-06', rating: 5, lang: 'en', text: 'Excellent value. I compared it with jackets twice the price and this one is warmer and better finished.' },
  { id: 'r18', author: '赵雪', date: '2026-10-05', rating: 5, lang: 'zh', text: '很轻很暖，叠起来很小，出差带着很方便。客服态度也很好，推荐！' },
  { id: 'r19', author: 'Lucas F.', date: '2026-10-03', rating: 3, lang: 'en', text: 'Warm enough for city winters, but it soaked through in heavy rain. Fine as a mid layer, not a true shell.' },
  { id: 'r20', author: 'Chloe H.', date: '2026-10-02', rating: 4, lang: 'en', text: 'Arrived quickly and well packed. The fit is relaxed without looking boxy. The cuffs are a bit loose for my wrists.' },
  { id: 'r21', author: '黄伟', date: '2026-09-30', rating: 1, lang: 'zh', text: '质量很差，穿了一个月袖口就开线了，非常失望，不会再买。' },
  { id: 'r22', author: 'Noah J.', date: '2026-09-28', rating: 5, lang: 'en', text: 'I run cold and this is the first jacket that keeps me comfortable waiting for the morning train. Love the high collar.' },
  { id: 'r23', author: 'Isabel V.', date: '2026-09-26', rating: 4, lang: 'en', text: 'Good quality and stylish. The sage green is lovely. It wrinkles a little after being packed, but shakes out fine.' },
  { id: 'r24', author: '周婷', date: '2026-09-25', rating: 4, lang: 'zh', text: '穿着很舒服，帽子可以拆卸很实用。就是白色有点容易脏。' },
  { id: 'r25', author: 'Daniel O.', date: '2026-09-23', rating: 2, lang: 'en', text: 'Looks great but the sizing chart is misleading. The shoulders are tight and the body is huge. Had to send it back.' },
  { id: 'r26', author: 'Freya A.', date: '2026-09-21', rating: 5, lang: 'en', text: 'Took it camping in the Highlands in October. Warm by the fire, warm in the tent, dry in the drizzle. Brilliant jacket.' },
  { id: 'r27', author: '吴迪', date: '2026-09-19', rating: 5, lang: 'zh', text: '性价比很高，比商场里的同类产品便宜不少，质量一点也不差。' },
  { id: 'r28', author: 'Ryan C.', date: '2026-09-17', rating: 3, lang: 'en', text: 'The jacket is nice, but the delivery was late and nobody told me why. Quality is good, communication was not.' },
  { id: 'r29', author: 'Mia E.', date: '2026-09-15', rating: 5, lang: 'en', text: 'Fits perfectly over a hoodie, and the inner pockets hold gloves. Comfortable enough to wear all day at the market.' },
  { id: 'r30', author: '孙悦', date: '2026-09-13', rating: 3, lang: 'zh', text: '整体还可以，保暖一般，零下的天气需要里面多穿一件毛衣。' },
  { id: 'r31', author: 'Leo Z.', date: '2026-09-11', rating: 4, lang: 'en', text: 'Solid jacket for the price. The recycled fill is a plus for me. Zipper pulls are easy to grab with gloves on.' },
  { id: 'r32', author: 'Sofia R.', date: '2026-09-09', rating: 5, lang: 'en', text: 'Beautiful color, soft lining and it is genuinely warm. My favourite purchase this year.' },
  { id: 'r33', author: '郑浩', date: '2026-09-07', rating: 4, lang: 'zh', text: '面料防风效果不错，做工精细，就是袖子稍微长了一点。' },
  { id: 'r34', author: 'Kate D.', date: '2026-09-05', rating: 2, lang: 'en', text: 'The stitching on one pocket came loose in the first week. It is warm, but I expected better quality at this price.' },
];
