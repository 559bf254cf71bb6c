-- A member of staff answers a handed-off conversation in person and closes the hand-over when done.
-- Their messages have the role 'agent' and name who wrote them; 'closed' is a hand-over a person has finished
-- (it counts as handed over in the analytics; asking for a person again puts it back in the queue).
ALTER TABLE conversation DROP CONSTRAINT conversation_state_check;
ALTER TABLE conversation ADD CONSTRAINT conversation_state_check CHECK (state IN ('active', 'handed_off', 'closed'));

ALTER TABLE chat_message DROP CONSTRAINT chat_message_role_check;
ALTER TABLE chat_message ADD CONSTRAINT chat_message_role_check CHECK (role IN ('customer', 'assistant', 'bank', 'agent'));
ALTER TABLE chat_message ADD COLUMN author_id text;
ALTER TABLE chat_message ADD COLUMN author_name text;
ALTER TABLE chat_message ADD CONSTRAINT chat_message_agent_has_author
    CHECK (role <> 'agent' OR (author_id IS NOT NULL AND author_name IS NOT NULL));

-- Every customer message whose turn raised the case or added to it (the same transfer asked again), oldest
-- first, so reviewers see exactly which turns to read. message_id stays the one that opened it.
ALTER TABLE review_case ADD COLUMN message_ids uuid[] NOT NULL DEFAULT '{}';
UPDATE review_case SET message_ids = ARRAY[message_id] WHERE message_id IS NOT NULL;
