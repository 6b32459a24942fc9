-- Phase 1 rollback script for SQL Server, idempotent: every statement is guarded
-- by `django_migrations`, so the script can run again after a stop or a failure.
-- Rendered offline by `manage.py plan ddl --vendor mssql`. Do not edit; re-render.
-- Run with `sqlcmd -b -I -i <file>` so that the first error stops the script.
SET ANSI_NULLS ON;
SET ANSI_PADDING ON;
SET ANSI_WARNINGS ON;
SET ARITHABORT ON;
SET CONCAT_NULL_YIELDS_NULL ON;
SET NUMERIC_ROUNDABORT OFF;
SET QUOTED_IDENTIFIER ON;
SET XACT_ABORT ON;
GO
-- accounts.0009_user_settings (plan item 008)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0009_user_settings')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0009_user_settings')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[UserSettings]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[UserSettings]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[UserSettings]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [UserSettings]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0009_user_settings')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0009_user_settings';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- accounts.0008_kyc_documents (plan item 007)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0008_kyc_documents')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0008_kyc_documents')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[KycDocuments]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[KycDocuments]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[KycDocuments]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [KycDocuments]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0008_kyc_documents')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0008_kyc_documents';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- doggy.0004_setting_validation_rules (plan item 007)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0004_setting_validation_rules')
    THROW 50001, N'doggy.0004_setting_validation_rules runs Python (clear_validation_rules): apply it with manage.py plan rollback, or manage.py migrate doggy <the migration before it>, then run this script again.', 1;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0004_setting_validation_rules')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0004_setting_validation_rules')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0004_setting_validation_rules';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- doggy.0003_stored_files (plan item 007)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0003_stored_files')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0003_stored_files')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[StoredFiles]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[StoredFiles]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[StoredFiles]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [StoredFiles]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0003_stored_files')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0003_stored_files';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- accounts.0007_kyc_foundation (plan item 006)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0007_kyc_foundation')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0007_kyc_foundation')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[KycReviewEvents]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[KycReviewEvents]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[KycReviewEvents]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [KycReviewEvents]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0007_kyc_foundation')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[KycVerifications]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[KycVerifications]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[KycVerifications]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [KycVerifications]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0007_kyc_foundation')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0007_kyc_foundation';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- audit.0001_audit_logs (plan item 005)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0001_audit_logs')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0001_audit_logs')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AuditLogs]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AuditLogs]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AuditLogs]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [AuditLogs]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0001_audit_logs')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0001_audit_logs';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- doggy.0002_seed_system_settings (plan item 004)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0002_seed_system_settings')
    THROW 50001, N'doggy.0002_seed_system_settings runs Python (unseed_settings): apply it with manage.py plan rollback, or manage.py migrate doggy <the migration before it>, then run this script again.', 1;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0002_seed_system_settings')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0002_seed_system_settings')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0002_seed_system_settings';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- doggy.0001_system_settings (plan item 004)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0001_system_settings')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0001_system_settings')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[SystemSettings]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[SystemSettings]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[SystemSettings]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [SystemSettings]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0001_system_settings')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0001_system_settings';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- accounts.0006_user_sessions_security (plan item 003)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0006_user_sessions_security')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0006_user_sessions_security')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[LoginAttempts]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[LoginAttempts]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[LoginAttempts]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [LoginAttempts]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0006_user_sessions_security')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[UserSessions]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[UserSessions]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[UserSessions]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [UserSessions]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0006_user_sessions_security')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0006_user_sessions_security';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- accounts.0005_seed_rbac (plan item 002)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0005_seed_rbac')
    THROW 50001, N'accounts.0005_seed_rbac runs Python (unseed_rbac): apply it with manage.py plan rollback, or manage.py migrate accounts <the migration before it>, then run this script again.', 1;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0005_seed_rbac')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0005_seed_rbac')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0005_seed_rbac';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- accounts.0004_rbac_permissions (plan item 002)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
    THROW 50001, N'accounts.0004_rbac_permissions runs Python (delete_system_user): apply it with manage.py plan rollback, or manage.py migrate accounts <the migration before it>, then run this script again.', 1;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'DROP INDEX [IX_UserRoles_User_Active] ON [UserRoles]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'DECLARE @dj_drop_1 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [UserRoles] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[UserRoles]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[UserRoles]''), N''AssignedAt'', ''ColumnId''));
IF @dj_drop_1 IS NOT NULL EXEC sp_executesql @dj_drop_1');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'ALTER TABLE [UserRoles] DROP COLUMN [AssignedAt]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'ALTER TABLE [UserRoles] DROP COLUMN [Notes]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'ALTER TABLE [UserRoles] DROP COLUMN [ExpiresAt]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'DECLARE @dj_drop_2 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [UserRoles] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[UserRoles]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[UserRoles]''), N''IsActive'', ''ColumnId''));
IF @dj_drop_2 IS NOT NULL EXEC sp_executesql @dj_drop_2');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'ALTER TABLE [UserRoles] DROP COLUMN [IsActive]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'ALTER TABLE [UserRoles] DROP CONSTRAINT [UserRoles_AssignedBy_6c5afc1c_fk_Users_Id]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'DROP INDEX [UserRoles_AssignedBy_6c5afc1c] ON [UserRoles]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'ALTER TABLE [UserRoles] DROP COLUMN [AssignedBy]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'ALTER TABLE [Roles] DROP CONSTRAINT [CK_Roles_MaxUsers]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'ALTER TABLE [Roles] DROP CONSTRAINT [CK_Roles_Level]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'ALTER TABLE [Roles] DROP COLUMN [Description]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'ALTER TABLE [Roles] DROP COLUMN [MaxUsers]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'DECLARE @dj_drop_3 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [Roles] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[Roles]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[Roles]''), N''IsSystemRole'', ''ColumnId''));
IF @dj_drop_3 IS NOT NULL EXEC sp_executesql @dj_drop_3');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'ALTER TABLE [Roles] DROP COLUMN [IsSystemRole]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'DECLARE @dj_drop_4 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [Roles] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[Roles]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[Roles]''), N''Level'', ''ColumnId''));
IF @dj_drop_4 IS NOT NULL EXEC sp_executesql @dj_drop_4');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'ALTER TABLE [Roles] DROP COLUMN [Level]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[RolePermissions]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[RolePermissions]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[RolePermissions]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [RolePermissions]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Permissions]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Permissions]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Permissions]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [Permissions]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0004_rbac_permissions';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- accounts.0003_enhanced_user_management (plan item 001)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'ALTER TABLE [Users] DROP CONSTRAINT [CK_Users_AccountStatus]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'DROP INDEX [IX_Users_AccountStatus] ON [Users]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'DROP INDEX [IX_Users_LastSeen] ON [Users]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'DROP INDEX [IX_Users_Name] ON [Users]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'DECLARE @dj_drop_1 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [Users] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[Users]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[Users]''), N''AccountStatus'', ''ColumnId''));
IF @dj_drop_1 IS NOT NULL EXEC sp_executesql @dj_drop_1');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'ALTER TABLE [Users] DROP COLUMN [AccountStatus]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'ALTER TABLE [Users] DROP COLUMN [LastSeenAt]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'DECLARE @dj_drop_2 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [Users] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[Users]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[Users]''), N''IsSmsNotificationsEnabled'', ''ColumnId''));
IF @dj_drop_2 IS NOT NULL EXEC sp_executesql @dj_drop_2');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'ALTER TABLE [Users] DROP COLUMN [IsSmsNotificationsEnabled]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'DECLARE @dj_drop_3 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [Users] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[Users]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[Users]''), N''IsEmailNotificationsEnabled'', ''ColumnId''));
IF @dj_drop_3 IS NOT NULL EXEC sp_executesql @dj_drop_3');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'ALTER TABLE [Users] DROP COLUMN [IsEmailNotificationsEnabled]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'DECLARE @dj_drop_4 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [Users] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[Users]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[Users]''), N''PreferredLanguage'', ''ColumnId''));
IF @dj_drop_4 IS NOT NULL EXEC sp_executesql @dj_drop_4');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'ALTER TABLE [Users] DROP COLUMN [PreferredLanguage]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'DECLARE @dj_drop_5 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [Users] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[Users]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[Users]''), N''TimeZone'', ''ColumnId''));
IF @dj_drop_5 IS NOT NULL EXEC sp_executesql @dj_drop_5');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'ALTER TABLE [Users] DROP COLUMN [TimeZone]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'ALTER TABLE [Users] DROP COLUMN [Gender]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'ALTER TABLE [Users] DROP COLUMN [DateOfBirth]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'ALTER TABLE [Users] DROP COLUMN [ProfileImageUrl]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'ALTER TABLE [Users] DROP COLUMN [LastName]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    EXEC(N'ALTER TABLE [Users] DROP COLUMN [FirstName]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0003_enhanced_user_management';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- messaging.0001_baseline_messaging (plan item 000)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0001_baseline_messaging')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0001_baseline_messaging')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Messages]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Messages]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Messages]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [Messages]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0001_baseline_messaging')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ConversationParticipants]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ConversationParticipants]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ConversationParticipants]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [ConversationParticipants]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0001_baseline_messaging')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Conversations]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Conversations]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Conversations]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [Conversations]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0001_baseline_messaging')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0001_baseline_messaging';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- accounts.0002_django_auth_columns (plan item 000)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
    THROW 50001, N'accounts.0002_django_auth_columns runs Python (Rebuild UserRoles around a new primary key, keeping its rows): apply it with manage.py plan rollback, or manage.py migrate accounts <the migration before it>, then run this script again.', 1;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[UserRoles]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[UserRoles]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[UserRoles]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [UserRoles]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'CREATE TABLE [UserRoles] ([UserId] nvarchar(450) NOT NULL, [RoleId] int NOT NULL, PRIMARY KEY ([UserId], [RoleId]))');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'ALTER TABLE [Users] ALTER COLUMN [PasswordHash] nvarchar(max) NOT NULL');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'ALTER TABLE [Users] ALTER COLUMN [PasswordHash] nvarchar(max) NULL');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'ALTER TABLE [Users] DROP CONSTRAINT [Users_Email_bcc97337_uniq]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'ALTER TABLE [Users] ALTER COLUMN [Email] nvarchar(256) NULL');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Users_user_permissions]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Users_user_permissions]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Users_user_permissions]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [Users_user_permissions]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Users_groups]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Users_groups]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Users_groups]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [Users_groups]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'DECLARE @dj_drop_1 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [Users] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[Users]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[Users]''), N''CreatedAt'', ''ColumnId''));
IF @dj_drop_1 IS NOT NULL EXEC sp_executesql @dj_drop_1');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'ALTER TABLE [Users] DROP COLUMN [CreatedAt]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'DECLARE @dj_drop_2 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [Users] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[Users]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[Users]''), N''IsActive'', ''ColumnId''));
IF @dj_drop_2 IS NOT NULL EXEC sp_executesql @dj_drop_2');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'ALTER TABLE [Users] DROP COLUMN [IsActive]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'DECLARE @dj_drop_3 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [Users] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[Users]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[Users]''), N''IsStaff'', ''ColumnId''));
IF @dj_drop_3 IS NOT NULL EXEC sp_executesql @dj_drop_3');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'ALTER TABLE [Users] DROP COLUMN [IsStaff]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'DECLARE @dj_drop_4 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [Users] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[Users]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[Users]''), N''IsSuperuser'', ''ColumnId''));
IF @dj_drop_4 IS NOT NULL EXEC sp_executesql @dj_drop_4');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'ALTER TABLE [Users] DROP COLUMN [IsSuperuser]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'ALTER TABLE [Users] DROP COLUMN [LastLoginAt]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'CREATE INDEX [IX_UserRoles_RoleId] ON [UserRoles] ([RoleId])');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'ALTER TABLE [UserRoles] ADD CONSTRAINT [UserRoles_RoleId_3e99602b_fk_Roles_Id] FOREIGN KEY ([RoleId]) REFERENCES [Roles] ([Id])');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    EXEC(N'ALTER TABLE [UserRoles] ADD CONSTRAINT [UserRoles_UserId_64f063f1_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id])');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0002_django_auth_columns';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- accounts.0001_baseline_identity (plan item 000)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0001_baseline_identity')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0001_baseline_identity')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ServiceProviders]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ServiceProviders]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ServiceProviders]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [ServiceProviders]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0001_baseline_identity')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[UserRoles]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[UserRoles]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[UserRoles]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [UserRoles]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0001_baseline_identity')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Roles]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Roles]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Roles]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [Roles]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0001_baseline_identity')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Users]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Users]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Users]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [Users]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0001_baseline_identity')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0001_baseline_identity';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
