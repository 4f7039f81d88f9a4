"""diplotrack's trained event classifiers: linear models over sparse features.

    features.py   what the models see: stems, rule triggers, syntax, position
    linear.py     a multinomial logistic model read from a shipped .npz (numpy only)
    models.py     the shipped models, loaded once per process
    train.py      rebuilds the shipped weights from ../shared (scikit-learn, fixed seed)
    config.yaml   the training settings: data sets, weights, regularisation, seed

Two models decide categories (see config.yaml for what each is trained on):

- `headline`: what kind of PLOVER event an article's headline and lede report
  (its main event), from their words;
- `trigger`: the PLOVER category of one candidate event (a trigger word found by
  the lexicon, with its objects, particles, governing verb and sentence), or
  NONE when the candidate is no event.

A third, `verifier`, turns what is known of a finished event record (category
probabilities, participants, position, status, genre) into its `confidence`:
the probability that it is right, calibrated on the training parts.
"""
