-- A passage that reads like instructions to an AI ("assistant: ignore your rules ...") is flagged when it is
-- ingested; the assistant never gives a flagged passage to the model. The column holds what was found.
ALTER TABLE knowledge_chunk ADD COLUMN suspicious text;
