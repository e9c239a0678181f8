"""Operations: backups, restore, the pre-flight check, status, and staying up on a full disk."""
