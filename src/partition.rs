//! One partition of a corpus analysed across processes (`crosswire.dask`): the documents
//! numbered `first_doc` on, run through the per-document stages here, and given entity ids
//! that were resolved across every partition (see `ids::Clustering`). Its corpus then
//! answers the per-document tables (entities, claims) exactly as the whole corpus would.

use std::collections::HashMap;

use crate::corpus::{Corpus, EntityLayer, Tagged};
use crate::entities::ids::{self, Clustering, EntityRecord, Gathered, Key, Resolution};
use crate::entities::tagger::Mention;
use crate::stage::{Cancel, Cancelled};

/// A partition's documents, their text stage, mentions and identity keys.
#[derive(Debug)]
pub struct Partition {
    corpus: Corpus,
    /// The corpus-wide index of this partition's first document.
    first_doc: u32,
    tagged: Tagged,
}

impl Partition {
    /// Runs the text stage and tags `corpus`, whose documents are the corpus's from
    /// `first_doc` on.
    pub fn tag(corpus: Corpus, first_doc: u32, cancel: &Cancel) -> Result<Partition, Cancelled> {
        let tagged = corpus.try_tagged(cancel)?;
        Ok(Partition {
            corpus,
            first_doc,
            tagged,
        })
    }

    /// The partition's documents.
    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// The distinct keys of the partition's mentions, sorted.
    pub fn keys(&self) -> Vec<Key> {
        ids::distinct_keys(&self.tagged.1)
    }

    fn texts(&self) -> Vec<(&str, &[Mention])> {
        self.corpus
            .docs()
            .iter()
            .zip(&self.tagged.0)
            .map(|(d, m)| (d.text.as_str(), m.as_slice()))
            .collect()
    }

    /// What the partition's mentions gather for their clusters (to be absorbed in
    /// partition order and finished: `ids::finish`).
    pub fn gathered(&self, clustering: &Clustering) -> Gathered {
        let clusters = clustering.assign(&self.tagged.1);
        ids::accumulate(
            &self.texts(),
            &clusters,
            self.first_doc,
            self.corpus.lexicon(),
        )
    }

    /// Every mention's entity in the partition (`records`: the record of each cluster of
    /// the corpus, or at least of this partition's): the partition's share of the corpus's
    /// ids, small beside the clustering and records it is read from, so it is what travels
    /// with the partition's claims to make its corpus again elsewhere. Its records hold the
    /// id, name and label; their aliases, docs and counts are the corpus's business (the
    /// entity table), left empty here.
    ///
    /// Errors (naming the cluster) if a cluster of this partition has no record.
    pub fn resolution(
        &self,
        clustering: &Clustering,
        records: &HashMap<u32, EntityRecord>,
    ) -> Result<Resolution, String> {
        let clusters = clustering.assign(&self.tagged.1);
        let mut local: HashMap<u32, u32> = HashMap::new();
        let mut entities: Vec<EntityRecord> = Vec::new();
        let mut of_mention = Vec::with_capacity(clusters.len());
        for row in clusters {
            let mut ids = Vec::with_capacity(row.len());
            for c in row {
                let Some(c) = c else {
                    ids.push(None);
                    continue;
                };
                let e = match local.get(&c) {
                    Some(&e) => e,
                    None => {
                        let Some(r) = records.get(&c) else {
                            return Err(format!("cluster {c} has no entity record"));
                        };
                        entities.push(EntityRecord {
                            aliases: Vec::new(),
                            docs: Vec::new(),
                            mentions: 0,
                            ..r.clone()
                        });
                        local.insert(c, entities.len() as u32 - 1);
                        entities.len() as u32 - 1
                    }
                };
                ids.push(Some(e));
            }
            of_mention.push(ids);
        }
        Ok(Resolution {
            entities,
            of_mention,
        })
    }

    /// The partition's documents with `resolution` (from [`Partition::resolution`] of this
    /// partition's documents), ready for the claims stage and the tables.
    ///
    /// Errors if it has not one row of ids per document and one id per mention.
    pub fn with_resolution(
        &self,
        resolution: Resolution,
        cancel: &Cancel,
    ) -> Result<Result<Corpus, String>, Cancelled> {
        let mentions = &self.tagged.0;
        let fits = resolution.of_mention.len() == mentions.len()
            && resolution
                .of_mention
                .iter()
                .zip(mentions)
                .all(|(ids, m)| ids.len() == m.len())
            && resolution
                .of_mention
                .iter()
                .flatten()
                .flatten()
                .all(|&e| (e as usize) < resolution.entities.len());
        if !fits {
            return Ok(Err(
                "these entity ids are not of this partition's mentions".to_string()
            ));
        }
        let text = self.corpus.try_text_layers(cancel)?.to_vec();
        let layer = EntityLayer {
            mentions: mentions.clone(),
            resolution,
        };
        Ok(Ok(self.corpus.with_stages(text, layer)))
    }

    /// The partition's documents with every mention's entity: [`Partition::resolution`]
    /// applied.
    pub fn with_ids(
        &self,
        clustering: &Clustering,
        records: &HashMap<u32, EntityRecord>,
        cancel: &Cancel,
    ) -> Result<Result<Corpus, String>, Cancelled> {
        match self.resolution(clustering, records) {
            Ok(resolution) => self.with_resolution(resolution, cancel),
            Err(e) => Ok(Err(e)),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::corpus::Document;
    use crate::text::sample;

    fn corpus(texts: &[&str], first: usize) -> Corpus {
        Corpus::new(
            texts
                .iter()
                .enumerate()
                .map(|(i, t)| Document::new(format!("{:03}", first + i), t.to_string(), None, None))
                .collect(),
        )
        .unwrap()
    }

    /// `texts` cut in two at `at`: the corpus's records (from keys of both parts, one
    /// clustering, the gathered records absorbed in order), and each part's corpus with
    /// those ids and its first document.
    #[allow(clippy::type_complexity)]
    fn cut(
        texts: &[&str],
        at: usize,
        whole: &Corpus,
    ) -> (Vec<(u32, EntityRecord)>, Vec<(Corpus, u32)>) {
        let never = Cancel::never();
        let parts = [
            Partition::tag(corpus(&texts[..at], 0), 0, &never).unwrap(),
            Partition::tag(corpus(&texts[at..], at), at as u32, &never).unwrap(),
        ];
        let clustering = Clustering::new(ids::merge_distinct(parts[0].keys(), parts[1].keys()));
        let mut gathered = parts[0].gathered(&clustering);
        gathered.absorb(parts[1].gathered(&clustering));
        let records = ids::finish(gathered, whole.lexicon());
        let by_cluster: HashMap<u32, EntityRecord> = records.iter().cloned().collect();
        let corpora = parts
            .iter()
            .map(|p| {
                let c = p
                    .with_ids(&clustering, &by_cluster, &never)
                    .unwrap()
                    .unwrap();
                (c, p.first_doc)
            })
            .collect();
        (records, corpora)
    }

    /// `texts` as one corpus, and cut in two at each of `cuts` (see `cut`).
    #[allow(clippy::type_complexity)]
    pub(crate) fn partitions(texts: &[&str], cuts: &[usize]) -> (Corpus, Vec<Vec<(Corpus, u32)>>) {
        let whole = corpus(texts, 0);
        let parts = cuts.iter().map(|&at| cut(texts, at, &whole).1).collect();
        (whole, parts)
    }

    /// The sample corpus cut in two: every mention gets the id the whole corpus gives it,
    /// and the claims (which read the ids) come out the same.
    #[test]
    fn partitions_get_the_ids_and_claims_of_the_whole_corpus() {
        let texts: Vec<&str> = sample::texts().collect();
        let whole = corpus(&texts, 0);
        for at in 1..texts.len() {
            let (records, parts) = cut(&texts, at, &whole);
            let all: Vec<&EntityRecord> = records.iter().map(|(_, r)| r).collect();
            assert_eq!(
                all,
                whole
                    .entities()
                    .resolution
                    .entities
                    .iter()
                    .collect::<Vec<_>>()
            );
            let mut d = 0;
            for (c, _) in &parts {
                for (i, claims) in c.claims().iter().enumerate() {
                    assert_eq!(claims, &whole.claims()[d + i], "document {}", d + i);
                    for m in 0..c.entities().mentions[i].len() {
                        assert_eq!(
                            c.entities().entity_of(i, m).map(|r| &r.id),
                            whole.entities().entity_of(d + i, m).map(|r| &r.id)
                        );
                    }
                }
                d += c.len();
            }
        }
    }

    /// A partition's resolution, through bytes, gives a partition tagged again the corpus
    /// `with_ids` gives; another partition's resolution is refused, not misapplied.
    #[test]
    fn a_resolution_made_again_elsewhere_gives_the_same_corpus() {
        let never = Cancel::never();
        let texts: Vec<&str> = sample::texts().collect();
        let at = 2;
        let tag = |lo: usize, hi: usize| {
            Partition::tag(corpus(&texts[lo..hi], lo), lo as u32, &never).unwrap()
        };
        let parts = [tag(0, at), tag(at, texts.len())];
        let clustering = Clustering::new(ids::merge_distinct(parts[0].keys(), parts[1].keys()));
        let mut gathered = parts[0].gathered(&clustering);
        gathered.absorb(parts[1].gathered(&clustering));
        let whole = corpus(&texts, 0);
        let by_cluster: HashMap<u32, EntityRecord> =
            ids::finish(gathered, whole.lexicon()).into_iter().collect();
        let direct = parts[1]
            .with_ids(&clustering, &by_cluster, &never)
            .unwrap()
            .unwrap();
        let resolution = parts[1].resolution(&clustering, &by_cluster).unwrap();
        let bytes = postcard::to_allocvec(&resolution).unwrap();
        let again = tag(at, texts.len())
            .with_resolution(postcard::from_bytes(&bytes).unwrap(), &never)
            .unwrap()
            .unwrap();
        assert_eq!(again.claims(), direct.claims());
        assert_eq!(
            again.entities().resolution.of_mention,
            direct.entities().resolution.of_mention
        );
        assert_eq!(
            again.entities().resolution.entities,
            direct.entities().resolution.entities
        );
        let first = parts[0].resolution(&clustering, &by_cluster).unwrap();
        let refused = parts[1].with_resolution(first, &never).unwrap();
        assert!(refused.is_err());
    }
}
